// Loads cdktf and constructs only: the floor under any cdktf program, with no provider class.
require('cdktf');
require('constructs');
