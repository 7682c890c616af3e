package dk.model3.security;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/ping: lets a client check its credentials and its path to the service, and
 * is the trivial baseline the API load benchmark measures triage against.
 */
@RestController
class PingController {

	@GetMapping(path = "/api/v1/ping", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> ping(Principal principal) {
		return Map.of("user", principal.getName());
	}

}
