// Phone cameras make 3–8 MB photos; the server takes product photos up to 2 MB and vouchers up
// to 5 MB. A photo larger than `keepUnder` is redrawn as a JPEG whose longer side is at most
// `maxSide`, on a white ground (transparent PNGs). Small files, and files the browser cannot
// decode, are sent as they are: the server checks every file itself.
export interface ShrinkOptions {
  maxSide: number
  quality?: number
  keepUnder?: number
}

export async function shrinkPhoto(file: Blob, { maxSide, quality = 0.85, keepUnder = 300 * 1024 }: ShrinkOptions): Promise<Blob> {
  if (file.size <= keepUnder || typeof createImageBitmap !== 'function') return file
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    return jpeg && jpeg.size < file.size ? jpeg : file
  } catch {
    return file
  }
}
