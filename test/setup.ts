import { Testing } from 'cdktf';

// Brings cdktf's matchers (toHaveResource, toHaveResourceWithProperties, ...) into every test file.
Testing.setupJest();
