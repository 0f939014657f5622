/**
 * A real headless Chromium for web app tests, driven through the installed chromedriver with
 * Selenium. Nothing is downloaded: the binaries are found on this machine or the test is skipped
 * (or fails when {@code BULWARK_TEST_REQUIRE_ALL=true}, as in CI).
 */
package io.bulwark.testing.browser;
