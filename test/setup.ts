// The SDK warns once per process that its 2027 releases need Node 22; the lockfile pins a release that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
