import path from "node:path"

/**
 * DejaVu Sans, shipped with the package through the `dejavu-fonts-ttf` npm
 * package (free licence, see node_modules/dejavu-fonts-ttf/LICENSE): Latin
 * with every accent, Greek, Cyrillic and the box symbols the check boxes use.
 * PDF's built-in Helvetica has none of these beyond Latin-1.
 */
const fontDir = () => path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")

/** pdfmake's font table: one family, regular and bold. */
export function documentFonts() {
  const dir = fontDir()
  return {
    DejaVuSans: {
      normal: path.join(dir, "DejaVuSans.ttf"),
      bold: path.join(dir, "DejaVuSans-Bold.ttf"),
      italics: path.join(dir, "DejaVuSans-Oblique.ttf"),
      bolditalics: path.join(dir, "DejaVuSans-BoldOblique.ttf"),
    },
  }
}
