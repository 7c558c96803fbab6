/** The privacy switch above the preview: off, nothing leaves the machine; on, remote images and click-to-load embeds. */
export function ExternalContentSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={on ? 'preview-switch on' : 'preview-switch'}
      title={on ? 'Remote images load, and embeds load when you click them.' : 'Nothing is requested from other sites.'}
      onClick={() => onChange(!on)}
    >
      <span className="preview-switch-track" aria-hidden="true">
        <span className="preview-switch-thumb" />
      </span>
      Load external content
    </button>
  );
}
