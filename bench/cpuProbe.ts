/**
 * Preloaded into each measured server (`node --import`) by the bench only; polysecret never loads it.
 * Answers every message on the IPC channel with the process's own CPU time, so the bench can charge a
 * scenario with the server's CPU alone (the load generator runs in the bench's process).
 */
process.on('message', () => process.send?.(process.cpuUsage()));
// The listener refs the channel on the next tick; unref it after, so the probe never keeps alive a
// process that would otherwise have exited.
process.nextTick(() => process.channel?.unref());
