// Respondent pages ship no framework JavaScript: they are plain server-rendered forms, small
// enough for a poor phone connection, enhanced only by the tiny same-origin /respond.js.
export const csr = false;
