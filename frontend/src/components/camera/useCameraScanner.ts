// The phone or counter camera: the back camera's frames decoded with jsQR (BarcodeDetector is missing
// from Linux Chromium and many cheap phones). Decoding runs a few times a second, not every frame.
import { onBeforeUnmount, ref, type Ref } from 'vue'
import jsQR from 'jsqr'

export type CameraState = 'off' | 'starting' | 'scanning' | 'paused' | 'unavailable' | 'denied' | 'failed'

export interface CameraScannerOptions {
  /** every decoded text that passes `accept`; the same text again only after `repeatMs` */
  onCode: (text: string) => void
  accept?: (text: string) => boolean
  intervalMs?: number
  repeatMs?: number
}

/** Longest side of the frame handed to the decoder: enough for a phone screen held near the camera. */
const MAX_SIDE = 640

export function useCameraScanner(video: Ref<HTMLVideoElement | null>, opts: CameraScannerOptions) {
  const state = ref<CameraState>('off')
  const interval = opts.intervalMs ?? 150
  const repeat = opts.repeatMs ?? 3000
  let stream: MediaStream | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let canvas: HTMLCanvasElement | null = null
  let lastText = ''
  let lastAt = 0

  async function start(): Promise<void> {
    if (stream) {
      resume()
      return
    }
    // getUserMedia exists only in secure contexts (https or localhost)
    if (!navigator.mediaDevices?.getUserMedia) {
      state.value = 'unavailable'
      return
    }
    state.value = 'starting'
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 640 }, height: { ideal: 480 } },
      })
      if (state.value !== 'starting') {
        // stopped while the permission prompt was open
        media.getTracks().forEach((track) => track.stop())
        return
      }
      stream = media
      const el = video.value
      if (el) {
        el.srcObject = media
        el.muted = true
        el.setAttribute('playsinline', '')
        await el.play().catch(() => {})
      }
      state.value = 'scanning'
      schedule()
    } catch (err) {
      const name = err instanceof DOMException ? err.name : ''
      state.value = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' ? 'unavailable' : 'failed'
    }
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(tick, interval)
  }

  function tick(): void {
    timer = null
    if (state.value !== 'scanning') return
    const text = decodeFrame()
    if (text !== null && (opts.accept?.(text) ?? true)) {
      const now = Date.now()
      if (text !== lastText || now - lastAt > repeat) {
        lastText = text
        lastAt = now
        opts.onCode(text)
      }
    }
    if (state.value === 'scanning') schedule()
  }

  function decodeFrame(): string | null {
    const el = video.value
    if (!el || el.readyState < 2 || !el.videoWidth) return null
    const scale = Math.min(1, MAX_SIDE / Math.max(el.videoWidth, el.videoHeight))
    const width = Math.round(el.videoWidth * scale)
    const height = Math.round(el.videoHeight * scale)
    canvas ??= document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (!ctx) return null
    ctx.drawImage(el, 0, 0, width, height)
    const image = ctx.getImageData(0, 0, width, height)
    return jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null
  }

  /** Stops decoding but keeps the camera open, so that the next customer is scanned at once. */
  function pause(): void {
    if (state.value === 'scanning') state.value = 'paused'
  }

  function resume(): void {
    if (state.value === 'paused' && stream) {
      state.value = 'scanning'
      schedule()
    }
  }

  function stop(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    stream?.getTracks().forEach((track) => track.stop())
    stream = null
    if (video.value) video.value.srcObject = null
    state.value = 'off'
  }

  onBeforeUnmount(stop)

  return { state, start, pause, resume, stop }
}
