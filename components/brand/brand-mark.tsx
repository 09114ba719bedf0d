import { siteConfig } from "@/lib/site-config";

/** The logo beside the name (siteConfig.logo): an image of the brand's own, or its initial on the brand colour. */
export function BrandMark({ size = "md" }: { size?: "md" | "lg" }) {
  const { image, initial } = siteConfig.logo;
  const box = size === "lg" ? "size-9" : "size-8";
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- a small static file from public/, drawn as it is
    return <img src={image} alt="" className={`${box} w-auto`} />;
  }
  return (
    <span aria-hidden="true" className={`grid ${box} place-items-center rounded-lg bg-logo text-lg font-bold text-chrome-fg`}>
      {initial}
    </span>
  );
}
