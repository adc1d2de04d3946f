// Starts dynalite on 127.0.0.1 (never all interfaces) on a free port and prints {"port": N}.
// Its CLI cannot take port 0, hence this wrapper. Options arrive as one JSON argument.
'use strict';
const dynalite = require('dynalite');

const options = JSON.parse(process.argv[2] || '{}');
const server = dynalite({
  path: options.path, // undefined keeps the data in memory
  createTableMs: options.createTableMs ?? 50,
  deleteTableMs: options.deleteTableMs ?? 50,
  updateTableMs: options.updateTableMs ?? 50,
});
server.listen(0, '127.0.0.1', (err) => {
  if (err) {
    console.error(err.stack || String(err));
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
// The parent owns our life: when it closes stdin (or dies), stop.
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
