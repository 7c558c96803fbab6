import { useEffect, useState } from 'react';
import { controlAria, textOf, type FieldProps } from './field-props';
import { ImagePicker } from './ImagePicker';
import { siteImageUrl } from './site-image-url';

/** A site-relative image path with a thumbnail of the file, when the site has it, and a picker of the site's images. */
export function ImageField(props: FieldProps & { postPath: string }) {
  const { id, field, onSet, postPath } = props;
  const path = textOf(field.value);
  const [picking, setPicking] = useState(false);
  return (
    <div className="fm-image">
      <input
        id={id}
        type="text"
        className="fm-input"
        value={path}
        placeholder="/images/…"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onSet(event.target.value)}
        {...controlAria(props)}
      />
      <Thumbnail path={path} />
      <button type="button" className="button" onClick={() => setPicking(true)}>
        Choose image
      </button>
      {picking && (
        <ImagePicker
          postPath={postPath}
          onClose={() => setPicking(false)}
          onChoose={(value) => {
            onSet(value);
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}

/** While the path is being typed, wait for a pause before asking for the file. */
function useSettled(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function Thumbnail({ path }: { path: string }) {
  const settled = useSettled(path, 300);
  const url = settled.trim() === '' ? null : siteImageUrl(settled, window.location.href);
  const remote = settled.trim() !== '' && url === null;
  // Keyed by URL, so a new path starts over instead of keeping the last failure.
  return (
    <div className="fm-thumb">
      {url ? <ThumbnailImage key={url} url={url} /> : remote ? <span className="fm-thumb-note" title="Remote images are not loaded here.">External</span> : null}
    </div>
  );
}

function ThumbnailImage({ url }: { url: string }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'missing'>('loading');
  if (state === 'missing') return <span className="fm-thumb-note" title="The site has no file at this path.">Not found</span>;
  return (
    <img
      src={url}
      alt=""
      className="fm-thumb-image"
      data-state={state}
      onLoad={() => setState('loaded')}
      onError={() => setState('missing')}
    />
  );
}
