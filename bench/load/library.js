// Loads the construct library as a user's program does.
require('../../lib');
