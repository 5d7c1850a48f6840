import { useEffect, useRef } from "react"

/**
 * Runs `fn` once per mounted component. React's StrictMode (on in the admin
 * while developing) runs every effect twice on mount; a drawer that queues a
 * job as it opens must queue one, not two.
 */
export function useRunOnce(fn: () => void): void {
  const ran = useRef(false)
  useEffect(() => {
    if (ran.current) {
      return
    }
    ran.current = true
    fn()
    // Once per mount by design: no dependencies.
  }, [])
}
