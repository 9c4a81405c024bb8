"""The API's endpoints, one module per group (each has a `router`)."""
