// Starts dynalite on 127.0.0.1 (never all interfaces) on a free port and prints {"port": N}.
// Its CLI cannot take port 0, hence this wrapper. Options arrive as one JSON argument.
// When it cannot serve, it prints one line {"problem": "locked" | "corrupt" | "failed", "detail": "..."}
// instead (on stdout before it is ready, on stderr after), so the caller can tell a store another
// process holds from a damaged one.
'use strict';
const { Level } = require('level');
const dynalite = require('dynalite');

const options = JSON.parse(process.argv[2] || '{}');
let ready = false;

function problemOf(err) {
  // classic-level reports LEVEL_LOCKED / LEVEL_CORRUPTION on the error or on its cause.
  const codes = [err && err.code, err && err.cause && err.cause.code];
  const detail = (err && err.cause && err.cause.message) || (err && err.message) || String(err);
  if (codes.includes('LEVEL_LOCKED')) return { problem: 'locked', detail };
  if (codes.includes('LEVEL_CORRUPTION') || /corrupt/i.test(detail)) return { problem: 'corrupt', detail };
  // CURRENT names the manifest to read; a CURRENT that names a file that is not there is damage too.
  const missing = /IO error: (.*): No such file or directory/.exec(detail);
  if (missing && options.path) return { problem: 'corrupt', detail: `CURRENT names ${missing[1]}, which is not there` };
  return { problem: 'failed', detail };
}

function fail(err) {
  const line = JSON.stringify(problemOf(err)) + '\n';
  // Before we are ready the parent reads stdout for our one line; after, it watches stderr.
  (ready ? process.stderr : process.stdout).write(line, () => process.exit(2));
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// A terminal's Ctrl-C reaches the whole process group; the drill command decides what to stop, and
// closes our stdin when it is done with us.
process.on('SIGINT', () => {});

async function checkStore(readEverything) {
  if (!options.path) return;
  // Open (and close) the LevelDB folder first: its own errors say whether another process holds it
  // or which file is damaged, which dynalite would turn into a crash on the first request.
  const db = new Level(options.path, { valueEncoding: 'json' });
  await db.open();
  try {
    if (readEverything) {
      // LevelDB finds a damaged table file only when it reads it; dynalite then resets the connection.
      for await (const _ of db.keys()) { /* reading is the check */ }
    }
  } finally {
    await db.close();
  }
}

function start() {
  const server = dynalite({
    path: options.path, // undefined keeps the data in memory
    createTableMs: options.createTableMs ?? 50,
    deleteTableMs: options.deleteTableMs ?? 50,
    updateTableMs: options.updateTableMs ?? 50,
  });

  server.listen(0, '127.0.0.1', (err) => {
    if (err) {
      fail(err);
      return;
    }
    const port = server.address().port;
    // Answer one request ourselves before telling the parent we are ready (it reads the tables).
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
        response.on('end', () => {
          ready = true;
          process.stdout.write(JSON.stringify({ port }) + '\n');
        });
      },
    );
    // dynalite hides a read error behind a reset connection: find what it was before giving up.
    request.on('error', (err) => server.close(() => checkStore(true).then(() => fail(err), fail)));
    request.end('{}');
  });
  // The parent owns our life: when it closes stdin (or dies), stop.
  process.stdin.on('end', () => server.close(() => process.exit(0)));
  process.stdin.resume();
}

checkStore(false).then(start, fail);
