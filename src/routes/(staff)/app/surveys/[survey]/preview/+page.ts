// The preview is what families get: server-rendered HTML with the respondent styles and no
// framework script, outside the staff layout so neither page's styles leak into the other.
export const csr = false;
