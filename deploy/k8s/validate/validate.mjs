// Offline schema check of the deployment manifests: deploy/k8s/base (against the published Kubernetes and Strimzi
// models), the two kustomization.yaml files (shape only) and deploy/compose/compose.yaml (against the compose-spec
// JSON schema). No cluster, no kustomize, no docker: see README.md for what this can and cannot catch.
//
//   node validate.mjs [repository root]      (default: three folders up from this file)
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '../../..'));
const base = path.join(root, 'deploy/k8s/base');

const counts = { ok: 0, unchecked: 0, errors: 0 };
const ok = (what) => { counts.ok++; console.log(`ok  ${what}`); };
const fail = (what, message) => { counts.errors++; console.log(`ERROR  ${what}: ${message}`); };

// Every document of a YAML file, as plain data. YAML 1.2 (the yaml package's default) is what kustomize (go-yaml v3)
// and docker compose read, so unquoted on/off/yes/no stay strings here as they do there.
function readDocuments(file, options = {}) {
  const name = path.relative(root, file);
  const documents = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), options)) {
    if (doc.errors.length) fail(name, `not valid YAML: ${doc.errors.map((e) => e.message.split('\n')[0]).join('; ')}`);
    else documents.push(doc.toJS(options));
  }
  return documents;
}

// Built-in API groups (the core "v1", group names without a dot, *.k8s.io) are all in kubernetes-models; a CRD's group
// needs a package of its own, and of the operators used here only Strimzi has one (MongoDB's operator has none).
function modelPackage(apiVersion) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (!group.includes('.') || group.endsWith('.k8s.io')) return 'kubernetes-models';
  if (group.endsWith('.strimzi.io')) return '@kubernetes-models/strimzi-kafka-operator';
  return null;
}

async function findModel(apiVersion, kind) {
  const pkg = modelPackage(apiVersion);
  if (!pkg) return null;
  let module;
  try {
    module = await import(`${pkg}/${apiVersion}`);
  } catch (e) {
    // a known group whose package does not serve this version: removed or misspelt, the API server would refuse it
    if (e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || e.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`apiVersion ${apiVersion} is not served (no such version in ${pkg})`);
    }
    throw e;
  }
  const model = module[kind];
  if (typeof model !== 'function' || model.kind !== kind) throw new Error(`${apiVersion} has no kind ${kind}`);
  return model;
}

// The models' validate() throws a ValidationError whose errors are Ajv's: one line each, with the path.
const describe = (e) => (e.errors ?? [e]).map((x) => (x.instancePath ?? '') + ' ' + x.message).join('; ').trim();

async function checkKubernetes() {
  const files = readdirSync(base).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
  for (const file of files) {
    for (const doc of readDocuments(path.join(base, file))) {
      if (doc == null) continue; // the empty document before a leading "---"
      const what = `${doc.kind} ${doc.metadata?.name} (${file})`;
      if (!doc.apiVersion || !doc.kind) { fail(what, 'a resource needs apiVersion and kind'); continue; }
      try {
        const Model = await findModel(doc.apiVersion, doc.kind);
        if (!Model) {
          counts.unchecked++;
          console.log(`--  ${what}: not checked against a schema (no published model for ${doc.apiVersion})`);
          continue;
        }
        new Model(doc).validate();
        ok(what);
      } catch (e) {
        fail(what, describe(e));
      }
    }
  }
}

// No JSON schema of Kustomization is published on npm: check only that kustomize would recognise the file.
function checkKustomization(relative) {
  for (const doc of readDocuments(path.join(root, relative))) {
    const what = `Kustomization (${relative})`;
    if (doc?.apiVersion === 'kustomize.config.k8s.io/v1beta1' && doc?.kind === 'Kustomization') ok(what);
    else fail(what, `expected apiVersion kustomize.config.k8s.io/v1beta1 and kind Kustomization, found ${doc?.apiVersion} ${doc?.kind}`);
  }
}

// dclint ships the official compose-spec schema (compose-spec/compose-spec, schema/compose-spec.json) as a file that
// its package.json does not export, so it is read by path.
function composeSchema() {
  const dclint = path.dirname(createRequire(import.meta.url).resolve('dclint/package.json'));
  return JSON.parse(readFileSync(path.join(dclint, 'schemas/compose.schema.json'), 'utf8'));
}

function checkCompose() {
  const relative = 'deploy/compose/compose.yaml';
  const schema = composeSchema();
  // The schema declares its draft as "https://json-schema.org/draft-07/schema", which Ajv does not know by that
  // spelling (its meta-schema is http://json-schema.org/draft-07/schema#): pick Ajv's class by the draft, then let it
  // skip the meta-schema lookup. strict: false because the schema uses annotations Ajv does not know ("deprecated").
  const draft = schema.$schema ?? '';
  const AjvClass = draft.includes('2020-12') ? Ajv2020 : draft.includes('2019-09') ? Ajv2019 : Ajv;
  const validate = new AjvClass({ strict: false, allErrors: true, validateSchema: false }).compile(schema);
  // merge: the file shares settings between services with "<<: *service"
  for (const doc of readDocuments(path.join(root, relative), { merge: true })) {
    const what = `compose ${doc?.name ?? ''} (${relative})`;
    if (validate(doc)) ok(what);
    else for (const e of validate.errors) fail(what, `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

await checkKubernetes();
checkKustomization('deploy/k8s/base/kustomization.yaml');
checkKustomization('deploy/k8s/overlays/production/kustomization.yaml');
checkCompose();
console.log(`\n${counts.ok} ok, ${counts.unchecked} not checked (no schema), ${counts.errors} errors`);
process.exitCode = counts.errors ? 1 : 0;
