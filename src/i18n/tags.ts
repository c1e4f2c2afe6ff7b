// Issue 12 (finding 11): a community's tags are ids ("adult-onset", "cold-weather"), chosen by its admins in
// the settings. Where the elements show one of those, people read a label ("Adult onset"), not the id. A
// member's own free-text tag is their words and is shown exactly as they wrote it.

/** The label of a tag: a community tag id read as words (dashes as spaces, first letter capital); any other tag as written. */
export function tagLabel(tag: string, communityTags: readonly string[]): string {
  if (!communityTags.includes(tag) || !/^[\p{Ll}\p{N}]+(-[\p{Ll}\p{N}]+)*$/u.test(tag)) return tag;
  const words = tag.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
