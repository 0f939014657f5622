/** JUnit 5 extensions shared by every module's tests: real databases, servers, hostile inputs. */
package io.bulwark.testing;
