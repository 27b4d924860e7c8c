/** Thrown for a file that cannot be read as what it claims to be (or that is refused as hostile), in Chinese. */
export class UnreadableFileError extends Error {}
