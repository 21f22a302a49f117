/**
 * Runs `fn` over `items`, at most `limit` at once; results in input order.
 * Many small file operations one after another each wait for a thread-pool
 * round trip: 500 manifests read one by one spent a quarter of a second
 * waiting on a busy machine. The first failure stops new items from being
 * started; it is thrown once those in flight have finished.
 *
 * @example await mapWithLimit(files, 16, (file) => readFile(file, 'utf8')) // texts, in the order of files
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
