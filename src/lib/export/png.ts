/**
 * PNG export: the standalone SVG drawn onto a canvas at 2× (sharp in slides and documents).
 * The SVG is loaded from a blob: URL made here, so nothing leaves the browser and the canvas is
 * not tainted. Browser only.
 */
import { svgAfmetingen } from './svg.ts';

export async function svgNaarPng(svg: string, schaal = 2): Promise<Blob> {
  const { breedte, hoogte } = svgAfmetingen(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(breedte * schaal);
    canvas.height = Math.round(hoogte * schaal);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas wordt niet ondersteund in deze browser');
    ctx.scale(schaal, schaal);
    ctx.drawImage(img, 0, 0, breedte, hoogte);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG maken is mislukt'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
