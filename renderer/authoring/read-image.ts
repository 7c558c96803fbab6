/** Pasted or dropped files, read for importImage. */
import { MAX_IMAGE_BYTES, imageFileName } from '../../shared/media/images';

export interface ImageFile {
  /** The name to import under (with an extension that says its type). */
  name: string;
  file: File;
}

/** The images among the files (a screenshot pasted from the clipboard is named "image.png" by the browser). */
export function imageFiles(files: FileList | readonly File[] | null | undefined): ImageFile[] {
  const out: ImageFile[] = [];
  for (const file of Array.from(files ?? [])) {
    const name = imageFileName(file.name || 'image', file.type);
    if (name && (file.type === '' || file.type.startsWith('image/'))) out.push({ name, file });
  }
  return out;
}

export function tooLarge(file: File): boolean {
  return file.size > MAX_IMAGE_BYTES;
}

/** The file as base64, without the `data:` prefix. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
