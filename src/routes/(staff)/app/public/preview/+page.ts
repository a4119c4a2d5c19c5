// The preview is what the public will get: server-rendered with the public styles and no
// framework script, outside the staff layout so neither page's styles leak into the other.
export const csr = false;
