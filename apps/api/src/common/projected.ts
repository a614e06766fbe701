/**
 * Waits for what a workflow's first step projects (a row a moment after the start), up to a
 * deadline: the answer to a request that started the workflow can then be read from the read model.
 * Returns undefined when the deadline passes first (a busy machine); the caller says what it can.
 */
export async function projected<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}
