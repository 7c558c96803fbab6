/** Whether something exists at a path (file, folder or link target); errors count as "no". */
import { stat } from 'node:fs/promises';

export async function pathExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
