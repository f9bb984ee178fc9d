// Loads the AWS provider from its package root, as much cdktf code does.
require('cdktf');
require('@cdktf/provider-aws');
