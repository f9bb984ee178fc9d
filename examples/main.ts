/**
 * The example app that cdktf.json runs: `npm run synth` writes cdktf.out/stacks/ecr-pull-through-cache-example.
 */
import { App } from 'cdktf';
import { ReferenceStack } from './reference-stack';

const app = new App();
new ReferenceStack(app, 'ecr-pull-through-cache-example');
app.synth();
