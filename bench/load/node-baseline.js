// An empty program: what Node.js itself costs, the floor under every load figure.
