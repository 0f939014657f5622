package io.bulwark.server.web;

import io.bulwark.server.auth.WebPaths;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The generic page behind every 403 of the web apps, including a form posted without a valid CSRF
 * token (W2). Reached by a forward from the access-denied handler, so it answers any method.
 */
@Controller
final class DeniedController {

  @RequestMapping(WebPaths.DENIED)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String denied() {
    return "app/denied";
  }
}
