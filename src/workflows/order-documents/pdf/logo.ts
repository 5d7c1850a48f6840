/** PNG or JPEG, by their first bytes (what pdfmake can embed). Pure. */
export function logoFormat(bytes: Buffer): "png" | "jpeg" | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "png"
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "jpeg"
  }
  return null
}

/** A logo as a data URL pdfmake embeds, with its real type. Pure. */
export function logoDataUrl(bytes: Buffer): string {
  return `data:image/${logoFormat(bytes) ?? "png"};base64,${bytes.toString("base64")}`
}
