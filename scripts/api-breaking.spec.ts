import fs from 'node:fs';
import path from 'node:path';
import { breakingChanges } from './api-breaking';

const doc = () => ({
  paths: {
    '/things/{id}': {
      get: { parameters: [{ in: 'path', name: 'id', required: true }, { in: 'query', name: 'lang' }], responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, '404': {} } },
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingInput' } } } }, responses: { '201': {} } },
    },
  },
  components: {
    schemas: {
      Thing: { type: 'object', properties: { id: { type: 'string' }, part: { $ref: '#/components/schemas/Part' } }, required: ['id'] },
      Part: { type: 'object', properties: { name: { type: 'string' } } },
      ThingInput: { type: 'object', properties: { kind: { enum: ['A', 'B'] }, note: { type: 'string' } }, required: ['kind'] },
    },
  },
});

describe('breaking changes between two API documents', () => {
  it('finds none between a document and itself, nor in additions', () => {
    const after = doc() as any;
    after.paths['/more'] = { get: { responses: { '200': {} } } };
    after.components.schemas.Thing.properties.extra = { type: 'string' };
    after.components.schemas.ThingInput.properties.kind.enum.push('C');
    expect(breakingChanges(doc(), doc())).toEqual([]);
    expect(breakingChanges(doc(), after)).toEqual([]);
  });

  it('finds an operation, a success answer or a field taken away, nested schemas included', () => {
    const after = doc() as any;
    delete after.paths['/things/{id}'].post;
    delete after.components.schemas.Part.properties.name;
    after.paths['/things/{id}'].get.responses = { '404': {} };
    expect(breakingChanges(doc(), after)).toEqual([
      'GET /things/{id}: the 200 answer was removed',
      'POST /things/{id}: the operation was removed',
      'schema Part: property name was removed from answers',
    ]);
  });

  it('finds what a request must now send, and what it may no longer send', () => {
    const after = doc() as any;
    after.paths['/things/{id}'].get.parameters[1].required = true;
    after.components.schemas.ThingInput.required.push('note');
    after.components.schemas.ThingInput.properties.kind.enum = ['A'];
    expect(breakingChanges(doc(), after)).toEqual([
      'GET /things/{id}: parameter query:lang is now required',
      'schema ThingInput: property note is now required in requests',
      'schema ThingInput: kind no longer accepts B',
    ]);
  });

  it('finds none between the last release and the committed document of the same major version', () => {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../docs/api', file), 'utf8'));
    const committed = read('openapi.json');
    const release = read(`releases/${committed.info.version}.json`);
    expect(breakingChanges(release, committed)).toEqual([]);
  });
});
