/**
 * The tamper-evident audit log (D4): appends serialized by a row lock on the chain head, SHA-256
 * hash chaining, signed checkpoints, listing and verification. Part of the security core: it does
 * not depend on the workflow packages.
 */
package io.bulwark.engine.audit;
