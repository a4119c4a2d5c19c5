// The public pages are plain server-rendered HTML, like the respondent pages: no framework
// script and no script of their own, small enough for a poor phone connection.
export const csr = false;
