import type { RequestHandler } from 'express';
import { controlCharacterError, findControlCharacter } from '../common';

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape is the router's to refuse; it cannot decode to a control character here.
    return '';
  }
}

/**
 * Refuses a request whose path, query or JSON body holds a control character, before any route reads it
 * (route parameters are parts of the path). Bodies parsed later by a route's own guard (multipart uploads,
 * WeChat XML) are checked where they are parsed.
 */
export const rejectControlCharacters: RequestHandler = (request, _response, next) => {
  const where =
    findControlCharacter(decodedPath(request.path), 'path') ??
    findControlCharacter(request.query, 'query') ??
    findControlCharacter(request.body, 'body');
  next(where ? controlCharacterError(where) : undefined);
};
