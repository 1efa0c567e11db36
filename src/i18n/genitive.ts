/** Danish genitive: "DASSOS' møde", "DAS Socials møde". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}
