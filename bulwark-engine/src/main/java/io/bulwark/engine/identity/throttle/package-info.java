/**
 * Login throttling (A5): failure counts per account and client address and a failure rate per
 * client address, in tables of the engine's database so that every node sharing it enforces the
 * same limits; read and written by commands through the command executor. Unknown user IDs are
 * counted like known ones, so that throttling does not reveal which accounts exist (A6).
 */
package io.bulwark.engine.identity.throttle;
