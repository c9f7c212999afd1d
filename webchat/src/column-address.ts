import { createContext } from 'preact';

/**
 * The column's address for links from the widget: PUBLIC_BASE_URL when the server sets it (the `ready` payload's
 * columnUrl), else the widget's own server, which serves the column pages too. Empty until known.
 */
export const ColumnAddress = createContext('');
