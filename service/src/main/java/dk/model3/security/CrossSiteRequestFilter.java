package dk.model3.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dk.model3.problems.Problems;
import dk.model3.request.CprNumbers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the JSON API's state-changing calls (every method but GET, HEAD, OPTIONS and
 * TRACE) impossible to send from a page on another site. A browser that holds Basic
 * credentials for the service sends them with any request to it, a form another site's
 * page submits included, and the API keeps no CSRF token. So:
 * <ul>
 * <li>a request the browser marks as coming from another site ({@code Sec-Fetch-Site:
 * cross-site} or {@code same-site}), or whose {@code Origin} is not the service's own
 * (its host and port as in the request's {@code Host}), is refused with 403, unless the
 * origin is one of {@code triage.security.allowed-origins};</li>
 * <li>a request must name a content type the call takes: {@code application/json} (also
 * for a POST without a body), {@code text/plain} only for a draft's file, and the
 * workbench's zip and population uploads; anything else, a form encoding above all, is
 * refused with 415. A page on another site can send a form encoding or {@code text/plain}
 * without asking; any other type needs a CORS preflight, which the service never grants.
 * A request with a bearer token may leave out the type of an empty body: a browser never
 * adds a token by itself.</li>
 * </ul>
 * Clients that are not browsers send no {@code Sec-Fetch-Site} and no {@code Origin};
 * they only name their content type.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

	private static final List<Body> BODIES = List.of(
			new Body(PathPatternRequestMatcher.pathPattern(HttpMethod.PUT, "/api/v1/drafts/*/files/*"),
					List.of(MediaType.TEXT_PLAIN)),
			new Body(PathPatternRequestMatcher.pathPattern(HttpMethod.PUT, "/api/v1/drafts/*/files"),
					List.of(MediaType.valueOf("application/zip"))),
			new Body(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/drafts/*/checks"),
					List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_NDJSON)));

	private final Set<String> allowedOrigins;

	CrossSiteRequestFilter(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins.stream()
			.map(CrossSiteRequestFilter::configured)
			.collect(Collectors.toSet());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if (fromAnotherSite(request)) {
			log.warn("Refused a cross-site {} {}: Origin={} Sec-Fetch-Site={} Host={}", request.getMethod(),
					request.getRequestURI(), printable(request.getHeader(HttpHeaders.ORIGIN)),
					printable(request.getHeader("Sec-Fetch-Site")), printable(request.getHeader(HttpHeaders.HOST)));
			Problems.write(request, response, HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request refused",
					"This call changes the service's state and is taken only from the service's own pages or a client "
							+ "that is not a browser; this request came from a page on another site (Origin or "
							+ "Sec-Fetch-Site). Behind a proxy that changes the Host header, list the public origin "
							+ "in triage.security.allowed-origins.");
			return;
		}
		List<MediaType> accepted = accepted(request);
		if (!sendsAcceptedType(request, accepted)) {
			String types = accepted.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
			response.setHeader(HttpHeaders.ACCEPT,
					accepted.stream().map(MediaType::toString).collect(Collectors.joining(", ")));
			boolean text = accepted.contains(MediaType.TEXT_PLAIN);
			Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Unsupported media type",
					"Send the header Content-Type: " + types + " with this call"
							+ (text ? ". " : ", also when it has no body. ")
							+ "Form encodings (application/x-www-form-urlencoded, multipart/form-data)"
							+ (text ? "" : " and text/plain") + " are never taken: a page on another site could send "
							+ "them with the credentials a browser keeps.");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean fromAnotherSite(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && this.allowedOrigins.contains(origin(origin))) {
			return false;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			// same-origin, or none: the user's own action (a bookmark, the address bar)
			return site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site");
		}
		if (origin == null) {
			// not a browser, or one too old to say; the content type still has to be
			// right
			return false;
		}
		return !sameHost(origin, request.getHeader(HttpHeaders.HOST));
	}

	// the Origin's host and port against the Host the browser sent them to; the scheme is
	// left out, as a proxy in front may end TLS (the approach of Go's
	// CrossOriginProtection)
	private static boolean sameHost(String origin, String host) {
		if (host == null || "null".equals(origin)) {
			return false;
		}
		try {
			String authority = URI.create(origin).getRawAuthority();
			return authority != null && authority.equalsIgnoreCase(host.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<MediaType> accepted(HttpServletRequest request) {
		for (Body body : BODIES) {
			if (body.call().matches(request)) {
				return body.types();
			}
		}
		return JSON;
	}

	private static boolean sendsAcceptedType(HttpServletRequest request, List<MediaType> accepted) {
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			return bearer(request) && request.getContentLengthLong() <= 0
					&& request.getHeader("Transfer-Encoding") == null;
		}
		try {
			MediaType sent = MediaType.parseMediaType(contentType);
			return accepted.stream().anyMatch(sent::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean bearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/** An origin as browsers write it: lower case, no trailing slash. */
	private static String origin(String origin) {
		String trimmed = origin.strip().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	/**
	 * A configured origin, refused at start unless it is one: a scheme, a host, a port.
	 */
	private static String configured(String origin) {
		String normal = origin(origin);
		try {
			URI uri = URI.create(normal);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
				return normal;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		throw new IllegalStateException("triage.security.allowed-origins: \"" + origin
				+ "\" is not an origin; write it as the browser's address bar shows the service, "
				+ "without a path, e.g. https://triage.kommune.dk");
	}

	// the caller's text in the log: no line breaks, no CPR number, not a page of it
	private static String printable(String value) {
		if (value == null) {
			return "-";
		}
		String shown = CprNumbers.mask(value.replaceAll("\\p{Cntrl}", "?"));
		return (shown.length() > 100) ? shown.substring(0, 100) + "…" : shown;
	}

	private record Body(RequestMatcher call, List<MediaType> types) {
	}

}
