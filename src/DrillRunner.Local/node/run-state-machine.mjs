// Runs the real ASL definition with aws-local-stepfunctions. Every Task state is answered by a
// local handler: Lambda invokes go to the C# handlers over a loopback endpoint shaped like
// Lambda's Invoke API, so error names survive and Retry/Catch behave as in AWS; AWS SDK
// integrations go to the local AWS world behind the same endpoint.
// A worker: Node and the engine start once and run many executions, several at a time (starting
// them for every execution cost more CPU than most executions).
// Input, one JSON line each: {"id":N,"job":{...}} starts an execution; {"id":N,"abort":true} stops it.
// Output, one JSON line each, tagged with the job's id: its events, then {"kind":"result",...}.
// The worker ends when its input ends: the .NET process that started it is gone.
if (!Promise.withResolvers) {
  // Node 20 lacks it; aws-local-stepfunctions 3 needs it.
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

const { StateMachine } = await import('aws-local-stepfunctions');
const { createInterface } = await import('node:readline');

// Step Functions' payload quota: a task result or state output above it fails with
// States.DataLimitExceeded, a terminal error no Catch (not even States.ALL) can catch.
const PAYLOAD_LIMIT = 262144;
const DATA_LIMIT_EXCEEDED = 'States.DataLimitExceeded';

// A terminal's Ctrl-C reaches the whole process group: the .NET command decides what to stop (it
// aborts executions through our input) and closes our input when it is done with us.
process.on('SIGINT', () => {});

/** The executions in progress, by job id, so that one can be aborted. */
const running = new Map();

createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on('line', (line) => {
    if (line.trim() === '') return;
    const message = JSON.parse(line);
    if (message.abort) {
      running.get(message.id)?.abort();
      return;
    }
    runJob(message.id, message.job).catch((err) => {
      writeLine({ id: message.id, kind: 'result', succeeded: false, error: err.name ?? 'Error', cause: `the local runner failed: ${err.stack ?? err.message}`, largestPayload: { bytes: 0, state: null } });
    });
  })
  .on('close', () => process.exit(0));

async function runJob(id, job) {
  const definition = job.definition;
  const endpoint = job.endpoint.replace(/\/$/, '');
  const emit = (obj) => writeLine({ id, ...obj });
  emulateAwsOnlyBehaviour(definition.States, { count: 0 });

  const handlers = {};
  const waitOverrides = {};
  const retryOverrides = {};
  for (const [name, state] of allStates(definition.States)) {
    if (state.Type === 'Task') {
      if (job.faults && job.faults[name] && job.faults[name].error === 'States.Timeout') {
        // A real timeout: the engine's own TimeoutSeconds runs out while the handler hangs.
        state.TimeoutSeconds = 1;
      }
      handlers[name] = withFault(job, emit, name, handlerFor(endpoint, name, state.Resource));
    }
    if (state.Type === 'Wait') {
      waitOverrides[name] = job.waitMs ?? 100;
    }
    if (state.Retry) {
      retryOverrides[name] = state.Retry.map((r) => (job.retryMs && job.retryMs[name]) ?? job.defaultRetryMs ?? 10);
    }
  }

  const machine = new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } });
  const execution = machine.run(job.input, {
    overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waitOverrides, retryIntervalOverrides: retryOverrides },
    context: job.context,
  });
  running.set(id, execution);

  let largestPayload = { bytes: 0, state: null };
  const events = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateExited' && event.state) {
        const bytes = Buffer.byteLength(JSON.stringify(event.state.output ?? null), 'utf8');
        if (bytes > largestPayload.bytes) largestPayload = { bytes, state: event.state.name };
      }
      emit({
        kind: 'event',
        type: event.type,
        state: event.state?.name,
        index: event.index,
        error: event.Error,
        cause: event.Cause,
        runId: event.state?.output?.runId ?? event.state?.input?.runId,
        targetId: event.state?.input?.targetId,
        timestamp: event.timestamp,
      });
    }
  })();

  try {
    const output = await execution.result;
    await events;
    emit({ kind: 'result', succeeded: true, output, largestPayload });
  } catch (err) {
    await events.catch(() => {});
    const cause = err.cause ?? err;
    emit({ kind: 'result', succeeded: false, error: cause.name, cause: cause.message, largestPayload });
  } finally {
    running.delete(id);
  }
}

// What the local engine lacks, rewritten into the local copy of the definition:
// - a Map with ToleratedFailurePercentage 100 never fails because an item failed: each item's
//   processor runs inside a Parallel whose failure is caught;
// - States.DataLimitExceeded passes every Catch: each Catch first sends it to a Fail state.
function emulateAwsOnlyBehaviour(states, scopes) {
  // State names are unique across the whole machine, nested scopes included.
  const scope = ++scopes.count;
  const terminal = `__DataLimitExceeded${scope}`;
  let hasCatch = false;
  for (const state of Object.values(states)) {
    if (state.Catch) {
      hasCatch = true;
      state.Catch = [{ ErrorEquals: [DATA_LIMIT_EXCEEDED], Next: terminal }, ...state.Catch];
    }
    if (state.Type === 'Map') {
      const processor = state.ItemProcessor || state.Iterator;
      emulateAwsOnlyBehaviour(processor.States, scopes);
      if (state.ToleratedFailurePercentage === 100) {
        delete state.ToleratedFailurePercentage;
        const wrapped = {
          StartAt: `__Item${scope}`,
          States: {
            [`__Item${scope}`]: { Type: 'Parallel', Branches: [{ StartAt: processor.StartAt, States: processor.States }], Catch: [{ ErrorEquals: ['States.ALL'], Next: `__ItemFailedTolerated${scope}` }], End: true },
            [`__ItemFailedTolerated${scope}`]: { Type: 'Succeed' },
          },
        };
        if (state.ItemProcessor) state.ItemProcessor = { ...processor, ...wrapped };
        else state.Iterator = wrapped;
      }
    }
    if (state.Type === 'Parallel') for (const branch of state.Branches) emulateAwsOnlyBehaviour(branch.States, scopes);
  }
  if (hasCatch) states[terminal] = { Type: 'Fail', Error: DATA_LIMIT_EXCEEDED, Cause: 'A task result or state output exceeded the 256 KB payload quota.' };
}

function withinPayloadLimit(stateName, result) {
  const size = Buffer.byteLength(JSON.stringify(result ?? null), 'utf8');
  if (size > PAYLOAD_LIMIT) {
    const error = new Error(`The output of ${stateName} is ${size} bytes, over the ${PAYLOAD_LIMIT}-byte payload quota.`);
    error.name = DATA_LIMIT_EXCEEDED;
    throw error;
  }
  return result;
}

function* allStates(states) {
  for (const [name, state] of Object.entries(states)) {
    yield [name, state];
    if (state.Type === 'Map') yield* allStates((state.ItemProcessor || state.Iterator).States);
    if (state.Type === 'Parallel') for (const branch of state.Branches) yield* allStates(branch.States);
  }
}

// Fault injection for tests: job.faults[stateName] = { error, cause, times } makes the state's
// first `times` attempts (every attempt when times is -1) fail with that error name, before the
// task's real handler runs, as a throttled or failed Lambda/SDK call would.
function withFault(job, emit, stateName, handler) {
  const fault = job.faults && job.faults[stateName];
  if (!fault) return handler;
  let attempts = 0;
  return async (input) => {
    attempts += 1;
    if (fault.times === -1 || attempts <= fault.times) {
      emit({ kind: 'event', type: 'FaultInjected', state: stateName, error: fault.error, timestamp: Date.now() });
      if (fault.error === 'States.Timeout') {
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      const error = new Error(fault.cause ?? `injected ${fault.error} at ${stateName}`);
      error.name = fault.error;
      throw error;
    }
    return handler(input);
  };
}

function handlerFor(endpoint, stateName, resource) {
  if (resource === 'arn:aws:states:::lambda:invoke') {
    return async (input) => {
      const response = await fetch(`${endpoint}/2015-03-31/functions/${encodeURIComponent(input.FunctionName)}/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input.Payload ?? {}),
      });
      const body = await response.json();
      if (response.headers.get('x-amz-function-error')) {
        // As in AWS: the error name is the exception type, the cause is the Lambda error JSON.
        const error = new Error(JSON.stringify(body));
        error.name = body.errorType;
        throw error;
      }
      if (!response.ok) {
        const error = new Error(JSON.stringify(body));
        error.name = 'Lambda.ServiceException';
        throw error;
      }
      return withinPayloadLimit(stateName, { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: body });
    };
  }
  if (resource === 'arn:aws:states:::sns:publish') {
    return async (input) => {
      const response = await fetch(`${endpoint}/local/sns/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return await response.json();
    };
  }
  if (resource.startsWith('arn:aws:states:::aws-sdk:')) {
    // AWS SDK integrations: the local AWS world answers with the API's output shape, or with an
    // error named as Step Functions names it ("Backup.ResourceNotFoundException").
    const [service, action] = resource.slice('arn:aws:states:::aws-sdk:'.length).split(':');
    return async (input) => {
      const response = await fetch(`${endpoint}/local/aws-sdk/${service}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      const body = await response.json();
      if (!response.ok) {
        const error = new Error(body.Cause);
        error.name = body.Error;
        throw error;
      }
      return withinPayloadLimit(stateName, body);
    };
  }
  // Without a local handler the engine would call real AWS and a States.ALL Catch would hide it.
  throw new Error(`Task state '${stateName}' uses resource '${resource}', which has no local handler.`);
}

function writeLine(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}
