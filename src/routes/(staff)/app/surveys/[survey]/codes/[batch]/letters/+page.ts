// Letters are a print document: plain server-rendered HTML, no script, no staff layout.
export const csr = false;
