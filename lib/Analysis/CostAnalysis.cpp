// Placeholder; replaced by the cost analysis implementation.
