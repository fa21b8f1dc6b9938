package io.jsupervisor.web.ui.internal;

import org.apache.felix.webconsole.spi.BrandingPlugin;

/**
 * The console's name and links for JSupervisor: its logo links to our status page instead of an outside
 * site, so no page the daemon serves points elsewhere. Images and styles stay the console's own.
 */
final class ConsoleBranding implements BrandingPlugin {
    @Override
    public String getBrandName() {
        return "JSupervisor Web Console";
    }

    @Override
    public String getProductName() {
        return "JSupervisor";
    }

    @Override
    public String getProductURL() {
        return "/";
    }

    @Override
    public String getProductImage() {
        return "/res/imgs/logo.png";
    }

    @Override
    public String getVendorName() {
        return "JSupervisor";
    }

    @Override
    public String getVendorURL() {
        return "/";
    }

    @Override
    public String getVendorImage() {
        return null;
    }

    @Override
    public String getFavIcon() {
        return "/res/imgs/favicon.ico";
    }

    @Override
    public String getMainStyleSheet() {
        return "/res/ui/webconsole.css";
    }
}
