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
// LevelDB allows one process per folder; a second one fails on its first request. Say so plainly.
process.on('uncaughtException', (err) => {
  const hint = options.path ? ` (is another drill command using the local store ${options.path}?)` : '';
  console.error(`dynalite cannot serve: ${err.message}${hint} LOCK`);
  process.exit(2);
});

server.listen(0, '127.0.0.1', (err) => {
  if (err) {
    console.error(err.stack || String(err));
    process.exit(1);
  }
  const port = server.address().port;
  // Answer one request ourselves before telling the parent we are ready.
  const request = require('http').request(
    {
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/',
      headers: {
        'X-Amz-Target': 'DynamoDB_20120810.ListTables',
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Date': '20260101T000000Z',
        Authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
      },
    },
    (response) => {
      response.resume();
      response.on('end', () => process.stdout.write(JSON.stringify({ port }) + '\n'));
    },
  );
  request.end('{}');
});
// The parent owns our life: when it closes stdin (or dies), stop.
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
