/**
 * Parsing of image references as a user writes them after `docker pull`: `[host/]path[:tag][@digest]`.
 *
 * This file imports nothing: `ecr-ptc` loads it without loading the core.
 */

/** Image tag and digest forms (OCI distribution spec). */
export const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const IMAGE_DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
export const REPOSITORY_PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export interface ImageReference {
  /** The registry host, when the reference names one. */
  readonly host?: string;
  /** The repository path, e.g. `nginx` or `org/app`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Thrown with the reason; the caller turns it into a message naming the construct. */
export class ImageReferenceError extends Error {}

/**
 * Splits an image reference. The first component is a host when it holds a `.` or a `:`, or is `localhost`,
 * the same rule the Docker CLI uses.
 */
export function parseImageReference(image: string): ImageReference {
  if (image.length === 0) throw new ImageReferenceError('it is empty');
  if (/\s/.test(image)) throw new ImageReferenceError('it contains whitespace');

  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!IMAGE_DIGEST_PATTERN.test(digest)) throw new ImageReferenceError(`digest '${digest}' is not of the form 'sha256:<hex>'`);
  }

  let host: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      host = first;
      rest = rest.slice(slash + 1);
    }
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!IMAGE_TAG_PATTERN.test(tag)) throw new ImageReferenceError(`tag '${tag}' is not a valid tag (letters, digits, '_', '.', '-'; at most 128)`);
  }

  if (rest.length === 0) throw new ImageReferenceError('it names no repository');
  for (const component of rest.split('/')) {
    if (!REPOSITORY_PATH_COMPONENT_PATTERN.test(component)) {
      throw new ImageReferenceError(`repository path component '${component}' must be lowercase letters and digits separated by '.', '_', '__' or '-'`);
    }
  }
  return { host, path: rest, tag, digest };
}

/** `:tag`, `@digest`, both or neither, as they were written. */
export function referenceSuffix(ref: ImageReference): string {
  return `${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
