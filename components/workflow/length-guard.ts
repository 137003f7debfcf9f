// The browser side of the text limits: a field can hold more than its maxLength when the value was
// set by a script or an extension (maxLength only stops typing and pasting), and such a form would
// fail as a whole (over the 1 MB server-action body) and lose the page. Checked before submitting,
// so the refusal is a message next to the field and the text stays where it was.
import { textLength, tooLongMessage } from "@/lib/validation/limits";

export type TooLong = { field: HTMLInputElement | HTMLTextAreaElement; name: string; message: string };

/** The first text field of the form longer than its maxLength, counted as the server counts. */
export function findTooLong(form: HTMLFormElement): TooLong | null {
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) continue;
    const max = el.maxLength;
    if (max < 0 || !el.name) continue;
    const length = textLength(el.value, el instanceof HTMLTextAreaElement);
    if (length > max) return { field: el, name: el.name, message: tooLongText(length, max) };
  }
  return null;
}

/** «Сейчас 600 000 символов. Не больше 20 000 символов.» */
export function tooLongText(length: number, max: number): string {
  return `Сейчас ${new Intl.NumberFormat("ru-RU").format(length)} символов. ${tooLongMessage(max)}`;
}
