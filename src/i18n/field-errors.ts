// Issue 12: a store's validation message names the field by its id ("pseudonym must be at least 2
// characters."). Shown to a member, the sentence starts with the field's label as the form shows it,
// capitalised: "Pseudonym must be at least 2 characters."
export function fieldSentence(message: string, field: string | null | undefined, label: string): string {
  let text = message.trim();
  if (field && text.toLowerCase().startsWith(`${field.toLowerCase()} `)) text = `${label} ${text.slice(field.length + 1)}`;
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
