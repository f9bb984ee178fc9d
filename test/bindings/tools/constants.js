// Names every language's reference program uses, so the synthesized documents can be compared.
'use strict';
module.exports = {
  // The stack id of examples/main.ts; construct paths (and so resource names) derive from it.
  STACK_ID: 'ecr-pull-through-cache-example',
  // The bad input every language must reject with the same message as TypeScript.
  BAD_PREFIX: 'Bad Prefix!',
};
