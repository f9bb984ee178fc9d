// Loads cdktf and the one deep-imported L1 a hand-written rule needs.
require('cdktf');
require('constructs');
require('@cdktf/provider-aws/lib/ecr-pull-through-cache-rule');
