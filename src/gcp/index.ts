// Constructs for this cloud are exported here.
export {};
