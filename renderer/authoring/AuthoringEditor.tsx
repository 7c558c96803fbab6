import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { EmbedStyle } from '../../shared/embeds';
import { useApi } from '../app/api-context';
import { describeError } from '../app/error-message';
import type { EditorHandle } from '../editor/editor-handle';
import { embedOfferFor, locateOffer, offerMarkup, providerName, type EmbedOffer } from './embed-offer';
import { imageFiles, readBase64, tooLarge, type ImageFile } from './read-image';
import './authoring.css';

/** Something else dragged onto the editor (a card from the Collected panel). */
export interface EditorDropTarget {
  accepts: (types: readonly string[]) => boolean;
  /** True when it took the drop; `point` is in client coordinates, for the drop position. */
  drop: (data: DataTransfer, point: { x: number; y: number }) => boolean;
}

interface AuthoringEditorProps {
  handle: EditorHandle;
  postPath: string;
  body: string;
  readOnly: boolean;
  onBodyChange: (body: string) => void;
  /** The Markdown editor. */
  children: ReactNode;
  dropTarget?: EditorDropTarget;
  /** Takes the photos among pasted or dropped images (see renderer/collect/photo-files.ts); the rest are imported here. */
  photos?: { isPhoto: (image: ImageFile) => boolean; add: (photos: ImageFile[]) => Promise<void> };
  /** More to announce under the editor (photo import progress). */
  status?: ReactNode;
}

interface PostOffer extends EmbedOffer {
  /** Offers belong to the post they were made in. */
  path: string;
}

/**
 * Help around the Markdown editor: a URL pasted alone on a line can become
 * the site's embed markup (a small prompt, never a modal), and pasted or
 * dropped images are copied into the site and linked with alt text to fill in.
 */
export function AuthoringEditor({ handle, postPath, body, readOnly, onBodyChange, children, dropTarget, photos, status }: AuthoringEditorProps) {
  const api = useApi();
  const [offer, setOffer] = useState<PostOffer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const bodyRef = useRef(body);
  useEffect(() => {
    bodyRef.current = body;
  });

  const attach = useCallback((node: HTMLDivElement | null) => handle.setContainer(node), [handle]);

  // Learned from the site's posts once, on the first paste that needs it.
  const style = useRef<Promise<EmbedStyle> | null>(null);
  const embedStyle = useCallback(() => (style.current ??= api.getEmbedStyle({}).catch((): EmbedStyle => 'html')), [api]);

  /** Replaces body[start, end) and puts the caret at [caretStart, caretEnd); through the textarea when it can (undo works). */
  const replaceBody = useCallback(
    (start: number, end: number, text: string, caretStart: number, caretEnd = caretStart) => {
      if (handle.replace(start, end, text)) {
        handle.select(caretStart, caretEnd);
        return;
      }
      const current = bodyRef.current;
      const next = current.slice(0, start) + text + current.slice(end);
      bodyRef.current = next;
      onBodyChange(next);
      handle.selectWhenShown(next, caretStart, caretEnd);
    },
    [handle, onBodyChange],
  );

  const importImages = useCallback(
    async (images: readonly ImageFile[]) => {
      const links: string[] = [];
      const notes: string[] = [];
      for (const { name, file } of images) {
        if (tooLarge(file)) {
          notes.push(`${name} is larger than 15 MB; resize it and add it again.`);
          continue;
        }
        setNotice(`Adding ${name}…`);
        try {
          const imported = await api.importImage({ postPath, fileName: name, dataBase64: await readBase64(file) });
          links.push(`![](${imported.markdownPath})`);
          notes.push(`Added ${imported.sitePath}.${imported.note ? ` ${imported.note}` : ''}`);
        } catch (error) {
          notes.push(`Could not add ${name}: ${describeError(error).message}`);
        }
      }
      setNotice(notes.join(' ') || null);
      if (links.length === 0) return;
      const area = handle.textarea();
      const text = bodyRef.current;
      const start = area?.selectionStart ?? text.length;
      const end = area?.selectionEnd ?? start;
      // An image is a block of its own: blank lines around it unless the line is empty already.
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
      const before = text.slice(lineStart, start).trim() === '' ? '' : '\n\n';
      const after = text.slice(end, lineEnd).trim() === '' ? '' : '\n\n';
      // The caret lands inside the first `![]`, for the alt text.
      replaceBody(start, end, before + links.join('\n\n') + after, start + before.length + 2);
    },
    [api, postPath, handle, replaceBody],
  );

  const addImages = (images: readonly ImageFile[]) => {
    const taken = photos ? images.filter(photos.isPhoto) : [];
    const rest = images.filter((image) => !taken.includes(image));
    // One after the other: each inserts at the caret the other one left.
    void (async () => {
      if (rest.length > 0) await importImages(rest);
      if (taken.length > 0) await photos?.add(taken);
    })();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const area = event.target;
    if (readOnly || !(area instanceof HTMLTextAreaElement) || area !== handle.textarea()) return;
    const images = imageFiles(event.clipboardData.files);
    if (images.length > 0) {
      event.preventDefault();
      addImages(images);
      return;
    }
    const candidate = embedOfferFor(area.value, area.selectionStart, area.selectionEnd, event.clipboardData.getData('text/plain'));
    if (!candidate) return;
    setNotice(null);
    // At once: recognising the link is local; the site's style (learned in the main process, seconds the first time) follows.
    setOffer({ ...candidate, path: postPath });
    void embedStyle().then((siteStyle) => {
      // A site that writes embeds as bare URLs already has what it wants.
      if (offerMarkup(candidate, siteStyle, bodyRef.current) === null) setOffer((current) => (current?.url === candidate.url ? null : current));
    });
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (readOnly) return;
    if (dropTarget?.accepts(Array.from(event.dataTransfer.types))) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      return;
    }
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    if (!readOnly && dropTarget?.accepts(Array.from(event.dataTransfer.types))) {
      // Ours to insert: the textarea must not paste the text/plain fallback as well.
      event.preventDefault();
      dropTarget.drop(event.dataTransfer, { x: event.clientX, y: event.clientY });
      return;
    }
    if (readOnly || event.dataTransfer.files.length === 0) return;
    // A file dropped anywhere here is ours to handle: the page must never navigate to it.
    event.preventDefault();
    const images = imageFiles(event.dataTransfer.files);
    if (images.length === 0) {
      setNotice('Only images (PNG, JPEG, GIF, WebP, AVIF, SVG) can be added to a post.');
      return;
    }
    addImages(images);
  };

  const shown = offer !== null && offer.path === postPath && locateOffer(body, offer) !== null ? offer : null;

  const insertEmbed = async () => {
    if (!shown) return;
    setOffer(null);
    const at = locateOffer(bodyRef.current, shown);
    const markup = offerMarkup(shown, await embedStyle(), bodyRef.current);
    if (at === null || markup === null) return;
    replaceBody(at, at + shown.url.length, markup, at + markup.length);
  };

  const keepLink = () => {
    if (!shown) return;
    setOffer(null);
    const at = locateOffer(bodyRef.current, shown);
    handle.select(at === null ? shown.end : at + shown.url.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape in the editor answers "Keep link", so the prompt never stands in the way of typing.
    if (shown && event.key === 'Escape' && event.target === handle.textarea()) {
      event.preventDefault();
      setOffer(null);
    }
  };

  return (
    <div ref={attach} className="authoring-editor" onPaste={onPaste} onDragOver={onDragOver} onDrop={onDrop} onKeyDown={onKeyDown}>
      {children}
      <div className="authoring-live" aria-live="polite">
        {shown && (
          <div role="group" aria-label="Insert as embed?" className="embed-offer">
            <span className="embed-offer-text">
              Insert as embed? <span className="embed-offer-detail">{providerName(shown.provider)}, written the way this site writes embeds. Tab to choose, Escape keeps the link.</span>
            </span>
            <button type="button" className="button small primary" onClick={() => void insertEmbed()}>
              Insert embed
            </button>
            <button type="button" className="button small" onClick={keepLink}>
              Keep link
            </button>
          </div>
        )}
        {notice && <p className="authoring-notice">{notice}</p>}
        {status}
      </div>
    </div>
  );
}
